import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Queryable } from '../db/database.ts';
import { renderReportHtml } from '../routes/reports/report-html.ts';
import { buildSemiannualReport } from '../routes/reports/semiannual.ts';
import { renderUnitSheetHtml } from '../routes/reports/unit-sheet-html.ts';
import { buildUnitSheet, unitMapFeatures } from '../routes/reports/unit-sheet.ts';

/** Debian's Chromium (playwright cannot download browsers on these machines). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags the e2e tests use (tests/support/browser.ts): headless, no sandbox, no network chatter. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const pageFooter =
  '<div style="font-size:8px;width:100%;text-align:center;color:#555">SECPLA Vallenar — página <span class="pageNumber"></span> de <span class="totalPages"></span></div>';

/**
 * Prints an HTML document to an A4 PDF at `output` in headless Chromium (the
 * page's own @page rules win). With `footer`, each page carries "página n de m".
 * A `browser` given is used and left open (printing many sheets); otherwise
 * one is launched and closed. Returns the PDF's size in bytes.
 */
export async function printHtmlToPdf(html: string, output: string, options: { footer: boolean; browser?: Browser }): Promise<number> {
  if (!options.browser && !existsSync(chromiumPath)) {
    throw new Error(`No se encontró Chromium en ${chromiumPath}: instale el paquete Debian «chromium» o defina CHROMIUM_PATH.`);
  }
  const browser = options.browser ?? (await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs }));
  let page: Page | undefined;
  try {
    page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: options.footer,
      ...(options.footer ? { headerTemplate: '<span></span>', footerTemplate: pageFooter } : {}),
    });
    await writeFile(output, pdf);
    return pdf.length;
  } finally {
    await page?.close();
    if (!options.browser) await browser.close();
  }
}

/**
 * Writes the semiannual report as an A4 PDF at `output`, printing the same
 * HTML that /reportes/semestral.html serves (links absolute from
 * `publicUrl`, SIT_PUBLIC_URL). Returns the PDF's size in bytes.
 */
export async function writeReportPdf(
  db: Queryable,
  anio: number,
  semestre: 1 | 2,
  output: string,
  options: { publicUrl?: string } = {},
): Promise<number> {
  return printHtmlToPdf(renderReportHtml(await buildSemiannualReport(db, anio, semestre, options)), output, { footer: true });
}

/**
 * Writes the one-page territorial sheet of neighbourhood unit `id` as an A4
 * PDF, printing the HTML of /reportes/unidad-vecinal/{id}.html.
 */
export async function writeUnitSheetPdf(
  db: Queryable,
  id: number,
  output: string,
  browser?: Browser,
  options: { publicUrl?: string } = {},
): Promise<number> {
  const [sheet, map] = await Promise.all([buildUnitSheet(db, id, options), unitMapFeatures(db, id)]);
  return printHtmlToPdf(renderUnitSheetHtml(sheet, map), output, { footer: false, ...(browser ? { browser } : {}) });
}
