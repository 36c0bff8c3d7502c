import type ExcelJS from 'exceljs';
import { protectiveMarking } from '../../core/board-summary/board-wording.js';

/** The most characters Excel allows in a header or footer, its codes counted. */
const headerFooterLimit = 255;

/** A literal & in a header or footer, which Excel would otherwise read as the start of a code (&P, &N, &L...). */
const literal = (text: string) => text.replaceAll('&', '&&');

/** &C starts the centred part; &"-,Bold" is the sheet's font in bold; a line feed starts a new line. */
const marking = `&"-,Bold"${protectiveMarking}`;
const pageOfPages = ' – Page &P of &N';

/**
 * The marking centred at the top and bottom of every printed page, as printed OFFICIAL-SENSITIVE
 * material must carry it, and above the bottom one what the page is and where it falls, so that a page
 * parted from the rest still says so. Centred lines, not left and right parts, which a long title runs
 * into on a portrait page. The title holds the admin's force name: its & kept literal, and cut with "…"
 * where a very long name would take the footer past Excel's limit.
 */
function markedPages(title: string): Partial<ExcelJS.HeaderFooter> {
  const room = headerFooterLimit - `&C${pageOfPages}\n${marking}`.length;
  // Halved: every character of the title could be an & written twice.
  const fitted = literal(title).length <= room ? literal(title) : `${literal(title.slice(0, Math.floor((room - 1) / 2)))}…`;
  return { differentFirst: false, oddHeader: `&C${marking}`, oddFooter: `&C${fitted}${pageOfPages}\n${marking}` };
}

/**
 * A4, one page wide and as many long as it takes: a board member prints the pack, and a sheet left at
 * Excel's defaults prints its right-hand columns on pages of their own. (9 is A4: exceljs's PaperSize is
 * a const enum, which isolatedModules cannot import.)
 */
const onePageWide: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

/**
 * The plan's columns of text (about 300 characters across) over two A4 landscape pages side by side, at
 * about 85%: one page wide printed them at about 3 pt, A3 would still take them to about 70%, and not
 * every board member's printer takes A3. Across then down, so the two halves of the same rows come out
 * one after the other, with Area and Ref Number repeated on the right-hand half to pair its rows with
 * the left's; narrow side margins for a larger print.
 */
const twoPagesWide: Partial<ExcelJS.PageSetup> = {
  ...onePageWide,
  orientation: 'landscape',
  fitToWidth: 2,
  pageOrder: 'overThenDown',
  printTitlesColumn: 'A:B',
  margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
};

export const pageLayouts = { onePageWide, twoPagesWide };

/** The marking and title in a workbook's properties, where a force's labelling and data-loss tools look before opening it. */
export function markWorkbook(workbook: ExcelJS.Workbook, title: string): void {
  workbook.title = title;
  workbook.subject = protectiveMarking;
  workbook.keywords = protectiveMarking;
  workbook.category = protectiveMarking;
}

/** A sheet's page layout, with the marking on every page whatever the layout. */
export function printOptions(title: string, pageSetup: Partial<ExcelJS.PageSetup>): Partial<ExcelJS.AddWorksheetOptions> {
  return { pageSetup, headerFooter: markedPages(title) };
}
