import css from "./styles.css?inline";

/**
 * An open shadow root styled by a constructable stylesheet: host-page CSS cannot reach in, and no
 * inline <style> is needed, so strict style-src policies hold.
 */
export function attachStyledShadow(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: "open" });
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet.prototype.replaceSync === "function") {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    // Browsers without constructable stylesheets (before Safari 16.4) fall back to a <style> element.
    const style = document.createElement("style");
    style.textContent = css;
    root.append(style);
  }
  return root;
}

/** Whether focus is inside this shadow root (the document only sees the host as focused). */
export function focusInside(root: ShadowRoot): boolean {
  return root.activeElement !== null;
}

/** Whether the respondent is busy elsewhere on the page, where stealing focus would disrupt them. */
export function pageHasFocus(): boolean {
  const active = document.activeElement;
  return active !== null && active !== document.body && active !== document.documentElement;
}
