import { downloadBlob, downloadHref, fileSlug } from "../../components/download";

/** Controls and empty-cell prompts are for editing, not for the exported picture. */
const skip = (node: HTMLElement) =>
  !(
    node instanceof Element &&
    (node.classList.contains("no-export") || node.classList.contains("cell-placeholder"))
  );

/**
 * The map as a PNG data URL. html-to-image copies computed styles onto a clone through the CSSOM and
 * draws it via an SVG image, so the strict CSP (no inline style attributes in the page) is not involved.
 */
async function mapToPng(node: HTMLElement): Promise<string> {
  const { toPng } = await import("html-to-image");
  return toPng(node, {
    pixelRatio: 2,
    backgroundColor: "#ffffff",
    filter: skip,
    // No web fonts to embed; skipping the scan avoids reading every stylesheet rule.
    skipFonts: true,
  });
}

export async function exportPng(node: HTMLElement, title: string): Promise<void> {
  const png = await mapToPng(node);
  downloadHref(png, `${fileSlug(title)}.png`);
}

/** A landscape PDF: title and date on top, the map scaled to the page below (A3 for wide maps). */
export async function exportPdf(
  node: HTMLElement,
  { title, subtitle }: { title: string; subtitle: string },
): Promise<void> {
  const [png, { jsPDF }] = await Promise.all([mapToPng(node), import("jspdf")]);
  const width = node.scrollWidth;
  const height = node.scrollHeight;
  const format = width > 2200 ? "a3" : "a4";
  const pdf = new jsPDF({ orientation: "landscape", unit: "mm", format });
  const pageW = pdf.internal.pageSize.getWidth();
  const pageH = pdf.internal.pageSize.getHeight();
  const margin = 10;
  pdf.setProperties({ title });
  pdf.setFont("helvetica", "bold");
  pdf.setFontSize(16);
  pdf.text(title, margin, margin + 6);
  pdf.setFont("helvetica", "normal");
  pdf.setFontSize(9);
  pdf.setTextColor(85, 92, 105);
  pdf.text(subtitle, margin, margin + 12);
  const top = margin + 18;
  const scale = Math.min((pageW - 2 * margin) / width, (pageH - top - margin) / height);
  pdf.addImage(png, "PNG", margin, top, width * scale, height * scale, undefined, "FAST");
  downloadBlob(pdf.output("blob"), `${fileSlug(title)}.pdf`);
}
