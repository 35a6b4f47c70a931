/**
 * Spreadsheet formula injection: a CSV cell starting with = + - @ (or a tab or CR) is run as a formula
 * by Excel, LibreOffice and Sheets, and a note or an old/new value in the decision log is the user's
 * free text. Such text gets a leading apostrophe, which spreadsheets show as text. A plain number
 * ("-3", "+2.5") is left as it is, so it still sorts and sums.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}
