/** Initials on the persona's colour; the text colour follows the background's lightness for contrast. */
export function PersonaAvatar({
  initials,
  color,
  size = "md",
}: {
  initials: string;
  color: string;
  size?: "sm" | "md" | "lg";
}) {
  return (
    <span
      className={`persona-avatar persona-avatar--${size}`}
      style={{ backgroundColor: safeColor(color), color: textOn(color) }}
      aria-hidden="true"
    >
      {initials}
    </span>
  );
}

const HEX = /^#[0-9a-f]{6}$/i;

export const safeColor = (color: string) => (HEX.test(color) ? color : "#4f46e5");

/** White or dark text, whichever contrasts more with the colour (WCAG relative luminance). */
function textOn(color: string): string {
  const hex = safeColor(color);
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  const onWhite = 1.05 / (luminance + 0.05);
  const onDark = (luminance + 0.05) / (0.0135 + 0.05);
  return onWhite >= onDark ? "#ffffff" : "#1b1f24";
}

export function initialsOf(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part.slice(0, 1).toUpperCase())
      .join("") || "?"
  );
}
