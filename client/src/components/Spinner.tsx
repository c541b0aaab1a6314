/** A small busy indicator; decorative, so the surrounding text says what is happening. */
export function Spinner(props: { size?: number }) {
  return <span class="spinner" aria-hidden="true" style={{ '--spinner-size': `${props.size ?? 14}px` }} />;
}
