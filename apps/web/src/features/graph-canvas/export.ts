import cytoscape, { type Core } from 'cytoscape';

/** PNG and SVG of the whole current view (not just the visible part), on white, named after the date shown. */
let svgRegistered = false;

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportFilename(date: string | null, extension: 'png' | 'svg', today: string): string {
  return `styrgraf-norrkoping-${date ?? today}.${extension}`;
}

export function exportPng(cy: Core, filename: string): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
  download(blob, filename);
}

export async function exportSvg(cy: Core, filename: string): Promise<void> {
  if (!svgRegistered) {
    const { default: svg } = await import('cytoscape-svg');
    cytoscape.use(svg);
    svgRegistered = true;
  }
  const text = (cy as Core & { svg(options: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
  download(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), filename);
}
