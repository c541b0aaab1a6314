/** The DominoML mark: a domino tile. Decorative; the app name next to it is the text. */
export function Logo(props: { size?: number }) {
  const size = () => props.size ?? 24;
  return (
    <svg class="logo" width={size()} height={size()} viewBox="0 0 32 32" aria-hidden="true">
      <rect x="4" y="2" width="24" height="28" rx="6" fill="var(--color-accent)" />
      <rect x="8" y="15.25" width="16" height="1.5" rx=".75" fill="var(--color-on-accent)" opacity=".7" />
      <circle cx="16" cy="8.5" r="2.5" fill="var(--color-on-accent)" />
      <circle cx="11" cy="21" r="2.25" fill="var(--color-on-accent)" />
      <circle cx="21" cy="25" r="2.25" fill="var(--color-on-accent)" />
    </svg>
  );
}
