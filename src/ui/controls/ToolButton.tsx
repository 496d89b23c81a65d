interface Props {
  testId: string
  label: string
  title: string
  /** a 16×16 icon path */
  icon: string
  onClick(): void
  disabled?: boolean
  primary?: boolean
  pressed?: boolean
  /** the icon alone on screen (the label stays the accessible name): keeps the run strip one row */
  iconOnly?: boolean
}

/** A labelled control-bar button with an icon. */
export function ToolButton({
  testId,
  label,
  title,
  icon,
  onClick,
  disabled,
  primary,
  pressed,
  iconOnly,
}: Props) {
  return (
    <button
      type="button"
      className={primary ? 'btn btn-primary' : 'btn'}
      data-testid={testId}
      aria-pressed={pressed}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" className="icon">
        <path d={icon} />
      </svg>
      <span className={iconOnly ? 'visually-hidden' : undefined}>{label}</span>
    </button>
  )
}
