/**
 * Narration text: `backticks` mark a formula (θ = ((T2 − T1) + (T3 − T4)) / 2), set in the
 * maths face so it reads as one unit; everything else is plain text.
 */
export function Narration({ text }: { text: string }) {
  const parts = text.split('`')
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <code key={i} className="lesson-math">
            {p}
          </code>
        ) : (
          p
        ),
      )}
    </>
  )
}
