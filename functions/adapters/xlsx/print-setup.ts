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
 * Excel's defaults prints its right-hand columns on pages of their own.
 */
export function printOptions(title: string, orientation: ExcelJS.PageSetup['orientation']): Partial<ExcelJS.AddWorksheetOptions> {
  // 9 is A4: exceljs's PaperSize is a const enum, which isolatedModules cannot import.
  return { pageSetup: { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, headerFooter: markedPages(title) };
}
