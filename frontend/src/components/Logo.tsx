/** The Shopclerk mark: a shopping bag with a tick. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-brand-6, #228be6)" />
      <path d="M9 12h14l-1.6 10.2a2 2 0 0 1-2 1.8h-6.8a2 2 0 0 1-2-1.8z" fill="#fff" />
      <path d="M12.5 12V10.5a3.5 3.5 0 0 1 7 0V12" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
      <path
        d="M13 17.5l2.2 2.2 4-4.2"
        fill="none"
        stroke="var(--mantine-color-brand-6, #228be6)"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
