// Bidirectional embeddings, overrides and isolates: U+202A to U+202E and U+2066 to U+2069.
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text as typed, pasted or read from a spreadsheet cell, changed in two ways only: line ends made
 * plain, and bidirectional controls removed. Those make stored text display as other than it is
 * ("\u202Eevil" shows as "live", and can turn the words after it round too), while right-to-left
 * writing displays as it should without them.
 */
export function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(bidiControls, '');
}

/** A form field as plain text; anything but a string (a file, a repeated field) reads as empty. */
export const formText = (value: unknown): string => (typeof value === 'string' ? plainText(value) : '');
