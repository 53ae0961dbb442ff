import cytoscape, { type Core } from 'cytoscape';
import { evidenceSwatch, familySwatch, kindSwatch, winAnsi, type ExportSheet } from './sheet.ts';

/**
 * The exported picture in three formats, each with the sheet's title, date,
 * view in words and legend around the graph (the whole view, not only the
 * part on screen, on white). PNG through Cytoscape's own cy.png, SVG through
 * cytoscape-svg and PDF through pdf-lib, the last two loaded when first used.
 */
const MARGIN = 28;
const TITLE_PX = 26;
const TEXT_PX = 15;
const LINE_GAP = 6;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const INK = '#18212d';
const MUTED = '#526072';

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

interface LegendItem {
  label: string;
  kind?: string;
  family?: string;
  evidence?: string;
}

/** The legend as rows of items that fit `width`, each item a swatch (24 px) and its words. */
function legendRows(sheet: ExportSheet, width: number, measure: (text: string) => number): { title: string; items: { item: LegendItem; x: number }[] }[][] {
  const sections: { title: string; items: LegendItem[] }[] = [
    { title: sheet.legend.kindsTitle, items: sheet.legend.kinds.map((k) => ({ label: k.label, kind: k.kind })) },
    { title: sheet.legend.familiesTitle, items: sheet.legend.families.map((f) => ({ label: f.label, family: f.family })) },
    { title: sheet.legend.evidenceTitle, items: sheet.legend.evidence.map((e) => ({ label: e.label, evidence: e.evidence })) },
  ];
  return sections
    .filter((s) => s.items.length > 0)
    .map((section) => {
      const rows: { title: string; items: { item: LegendItem; x: number }[] }[] = [];
      let current: { title: string; items: { item: LegendItem; x: number }[] } = { title: section.title, items: [] };
      let x = measure(section.title) + 16;
      for (const item of section.items) {
        const w = 30 + measure(item.label) + 22;
        if (x + w > width && current.items.length > 0) {
          rows.push(current);
          current = { title: '', items: [] };
          x = measure(section.title) + 16;
        }
        current.items.push({ item, x });
        x += w;
      }
      rows.push(current);
      return rows;
    });
}

function wrap(text: string, width: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function exportPng(cy: Core, sheet: ExportSheet, filename: string): Promise<void> {
  const graph = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 7000, maxHeight: 7000 });
  const image = await createImageBitmap(graph);
  const scale = 2;
  const probe = document.createElement('canvas').getContext('2d')!;
  const measure =
    (px: number, weight = 400) =>
    (text: string) => {
      probe.font = `${weight} ${px}px ${FONT}`;
      return probe.measureText(text).width;
    };
  const width = Math.max(image.width / scale, 900) + 2 * MARGIN;
  const inner = width - 2 * MARGIN;
  const lines = sheet.lines.flatMap((l) => wrap(l, inner, measure(TEXT_PX)));
  const legend = legendRows(sheet, inner, measure(TEXT_PX)).flat();
  const headerH = MARGIN + TITLE_PX + LINE_GAP + TEXT_PX + 2 * LINE_GAP;
  const footerH =
    2 * LINE_GAP + legend.length * (TEXT_PX + 12) + (sheet.legend.boxes ? TEXT_PX + LINE_GAP : 0) + LINE_GAP + lines.length * (TEXT_PX + LINE_GAP) + MARGIN;
  const graphH = image.height / scale;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((headerH + graphH + footerH) * scale);
  const g = canvas.getContext('2d')!;
  g.scale(scale, scale);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, headerH + graphH + footerH);
  g.fillStyle = INK;
  g.textBaseline = 'top';
  g.font = `700 ${TITLE_PX}px ${FONT}`;
  g.fillText(sheet.title, MARGIN, MARGIN);
  g.font = `400 ${TEXT_PX}px ${FONT}`;
  g.fillStyle = MUTED;
  g.fillText(sheet.subtitle, MARGIN, MARGIN + TITLE_PX + LINE_GAP);
  g.drawImage(image, MARGIN + (inner - image.width / scale) / 2, headerH, image.width / scale, graphH);
  let y = headerH + graphH + 2 * LINE_GAP;
  for (const row of legend) {
    g.fillStyle = INK;
    g.font = `700 ${TEXT_PX}px ${FONT}`;
    if (row.title) g.fillText(row.title, MARGIN, y + 2);
    g.font = `400 ${TEXT_PX}px ${FONT}`;
    for (const { item, x } of row.items) {
      const sx = MARGIN + x;
      if (item.kind) {
        const s = kindSwatch(item.kind);
        g.save();
        g.translate(sx, y);
        const path = new Path2D(s.path);
        g.fillStyle = s.fill;
        g.strokeStyle = s.border;
        g.lineWidth = 1.5;
        g.fill(path);
        g.stroke(path);
        g.restore();
      } else if (item.family) {
        const s = familySwatch(item.family);
        g.save();
        g.strokeStyle = s.colour;
        g.lineWidth = s.width;
        g.setLineDash(s.dash);
        g.beginPath();
        g.moveTo(sx, y + 9);
        g.lineTo(sx + 24, y + 9);
        g.stroke();
        g.restore();
      } else if (item.evidence) {
        const s = evidenceSwatch(item.evidence);
        g.save();
        g.strokeStyle = MUTED;
        g.lineWidth = 1.8;
        g.beginPath();
        g.moveTo(sx, y + 9);
        g.lineTo(sx + 24, y + 9);
        g.stroke();
        if (s.path) {
          g.translate(sx + 6, y + 3);
          const path = new Path2D(s.path);
          g.fillStyle = s.filled ? s.colour : '#ffffff';
          g.strokeStyle = s.colour;
          g.lineWidth = 1.6;
          g.fill(path);
          g.stroke(path);
        }
        g.restore();
      }
      g.fillStyle = INK;
      g.fillText(item.label, sx + 30, y + 2);
    }
    y += TEXT_PX + 12;
  }
  g.fillStyle = MUTED;
  if (sheet.legend.boxes) {
    g.fillText(sheet.legend.boxes, MARGIN, y);
    y += TEXT_PX + LINE_GAP;
  }
  y += LINE_GAP;
  g.fillStyle = INK;
  for (const line of lines) {
    g.fillText(line, MARGIN, y);
    y += TEXT_PX + LINE_GAP;
  }
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture could not be encoded as PNG.'))), 'image/png'),
  );
  download(blob, filename);
}

let svgRegistered = false;
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function exportSvg(cy: Core, sheet: ExportSheet, filename: string): Promise<void> {
  if (!svgRegistered) {
    const { default: svg } = await import('cytoscape-svg');
    cytoscape.use(svg);
    svgRegistered = true;
  }
  const graph = (cy as Core & { svg(options: { full: boolean; scale: number; bg: string }): string })
    .svg({ full: true, scale: 1, bg: '#ffffff' })
    .replace(/^<\?xml[^>]*>\s*/, '');
  const gw = Number(/width="([\d.]+)/.exec(graph)?.[1] ?? 800);
  const gh = Number(/height="([\d.]+)/.exec(graph)?.[1] ?? 600);
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.font = `400 ${TEXT_PX}px ${FONT}`;
  const measure = (text: string) => probe.measureText(text).width;
  const width = Math.max(gw, 900) + 2 * MARGIN;
  const inner = width - 2 * MARGIN;
  const lines = sheet.lines.flatMap((l) => wrap(l, inner, measure));
  const legend = legendRows(sheet, inner, measure).flat();
  const headerH = MARGIN + TITLE_PX + LINE_GAP + TEXT_PX + 2 * LINE_GAP;
  const parts: string[] = [];
  const text = (x: number, y: number, content: string, extra = '') => parts.push(`<text x="${x}" y="${y + TEXT_PX}" ${extra}>${escape(content)}</text>`);
  parts.push(`<text x="${MARGIN}" y="${MARGIN + TITLE_PX}" font-size="${TITLE_PX}" font-weight="700">${escape(sheet.title)}</text>`);
  text(MARGIN, MARGIN + TITLE_PX + LINE_GAP, sheet.subtitle, `fill="${MUTED}"`);
  parts.push(
    `<svg x="${MARGIN + (inner - gw) / 2}" y="${headerH}" width="${gw}" height="${gh}" viewBox="0 0 ${gw} ${gh}">${graph.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')}</svg>`,
  );
  let y = headerH + gh + 2 * LINE_GAP;
  for (const row of legend) {
    if (row.title) text(MARGIN, y, row.title, 'font-weight="700"');
    for (const { item, x } of row.items) {
      const sx = MARGIN + x;
      if (item.kind) {
        const s = kindSwatch(item.kind);
        parts.push(`<path transform="translate(${sx} ${y})" d="${s.path}" fill="${s.fill}" stroke="${s.border}" stroke-width="1.5"/>`);
      } else if (item.family) {
        const s = familySwatch(item.family);
        parts.push(
          `<line x1="${sx}" y1="${y + 9}" x2="${sx + 24}" y2="${y + 9}" stroke="${s.colour}" stroke-width="${s.width}"${s.dash.length ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}/>`,
        );
      } else if (item.evidence) {
        const s = evidenceSwatch(item.evidence);
        parts.push(`<line x1="${sx}" y1="${y + 9}" x2="${sx + 24}" y2="${y + 9}" stroke="${MUTED}" stroke-width="1.8"/>`);
        if (s.path)
          parts.push(
            `<path transform="translate(${sx + 6} ${y + 3})" d="${s.path}" fill="${s.filled ? s.colour : '#ffffff'}" stroke="${s.colour}" stroke-width="1.6"/>`,
          );
      }
      text(sx + 30, y, item.label);
    }
    y += TEXT_PX + 12;
  }
  if (sheet.legend.boxes) {
    text(MARGIN, y, sheet.legend.boxes, `fill="${MUTED}"`);
    y += TEXT_PX + LINE_GAP;
  }
  y += LINE_GAP;
  for (const line of lines) {
    text(MARGIN, y, line);
    y += TEXT_PX + LINE_GAP;
  }
  const height = y + MARGIN;
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}' font-size="${TEXT_PX}" fill="${INK}">\n<title>${escape(sheet.title)}</title>\n<rect width="100%" height="100%" fill="#ffffff"/>\n${parts.join('\n')}\n</svg>\n`;
  download(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), filename);
}

/** An A4 landscape page: the title, date, the graph fitted in, the legend in the canvas's colours, and the view in words. */
export async function exportPdf(cy: Core, sheet: ExportSheet, filename: string): Promise<void> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const colour = (hex: string) => rgb(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(sheet.title));
  doc.setSubject(winAnsi(sheet.subtitle));
  doc.setProducer('Styrgraf');
  const page = doc.addPage([841.89, 595.28]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const m = 30;
  const W = page.getWidth();
  const H = page.getHeight();
  const inner = W - 2 * m;
  let y = H - m - 18;
  page.drawText(winAnsi(sheet.title), { x: m, y, size: 18, font: bold, color: colour(INK) });
  y -= 16;
  page.drawText(winAnsi(sheet.subtitle), { x: m, y, size: 10.5, font: regular, color: colour(MUTED) });
  const size = 9.5;
  const measure = (text: string) => regular.widthOfTextAtSize(winAnsi(text), size);
  const lines = sheet.lines.flatMap((l) => wrap(winAnsi(l), inner, measure));
  const legend = legendRows(sheet, inner, (t) => bold.widthOfTextAtSize(winAnsi(t), size)).flat();
  const footer = legend.length * 16 + (sheet.legend.boxes ? 14 : 0) + lines.length * 13 + 12;
  const graphTop = y - 12;
  const graphBottom = m + footer;
  const png = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 5000, maxHeight: 5000 });
  const image = await doc.embedPng(new Uint8Array(await png.arrayBuffer()));
  const fit = Math.min(inner / image.width, (graphTop - graphBottom) / image.height);
  page.drawImage(image, {
    x: m + (inner - image.width * fit) / 2,
    y: graphBottom + (graphTop - graphBottom - image.height * fit),
    width: image.width * fit,
    height: image.height * fit,
  });
  y = graphBottom - 4;
  for (const row of legend) {
    y -= 12;
    if (row.title) page.drawText(winAnsi(row.title), { x: m, y, size, font: bold, color: colour(INK) });
    for (const { item, x } of row.items) {
      const sx = m + x;
      if (item.kind) {
        const s = kindSwatch(item.kind);
        page.drawSvgPath(s.path, { x: sx, y: y + 10, scale: 0.62, color: colour(s.fill), borderColor: colour(s.border), borderWidth: 1 });
      } else if (item.family) {
        const s = familySwatch(item.family);
        page.drawLine({
          start: { x: sx, y: y + 4 },
          end: { x: sx + 16, y: y + 4 },
          thickness: s.width * 0.8,
          color: colour(s.colour),
          ...(s.dash.length ? { dashArray: s.dash } : {}),
        });
      } else if (item.evidence) {
        const s = evidenceSwatch(item.evidence);
        page.drawLine({ start: { x: sx, y: y + 4 }, end: { x: sx + 16, y: y + 4 }, thickness: 1.2, color: colour(MUTED) });
        if (s.path)
          page.drawSvgPath(s.path, {
            x: sx + 4.4,
            y: y + 7.6,
            scale: 0.6,
            ...(s.filled ? { color: colour(s.colour) } : { color: colour('#ffffff') }),
            borderColor: colour(s.colour),
            borderWidth: 1,
          });
      }
      page.drawText(winAnsi(item.label), { x: sx + 20, y, size, font: regular, color: colour(INK) });
    }
    y -= 4;
  }
  if (sheet.legend.boxes) {
    y -= 12;
    page.drawText(winAnsi(sheet.legend.boxes), { x: m, y, size, font: regular, color: colour(MUTED) });
  }
  y -= 4;
  for (const line of lines) {
    y -= 13;
    page.drawText(line, { x: m, y, size, font: regular, color: colour(INK) });
  }
  const bytes = await doc.save();
  download(new Blob([bytes as BlobPart], { type: 'application/pdf' }), filename);
}
