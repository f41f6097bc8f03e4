/** Saves a file through a temporary link: a download, not a navigation, so the page stays. */
export function downloadHref(href: string, filename?: string): void {
  const link = document.createElement("a");
  link.href = href;
  if (filename) link.download = filename;
  else link.download = "";
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  downloadHref(url, filename);
  // Revoke later: some browsers read the URL after the click handler has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: letters, digits and dashes only. */
export function fileSlug(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/ß/g, "ss")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "export"
  );
}
