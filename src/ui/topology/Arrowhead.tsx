/** An arrowhead marker for link ends (`marker-end="url(#id)"`), filled through `className`. */
export function Arrowhead({ id, className }: { id: string; className: string }) {
  return (
    <marker
      id={id}
      viewBox="0 0 8 8"
      refX="7"
      refY="4"
      markerWidth="7"
      markerHeight="7"
      orient="auto"
    >
      <path d="M0,0.5 L8,4 L0,7.5 z" className={className} />
    </marker>
  )
}
