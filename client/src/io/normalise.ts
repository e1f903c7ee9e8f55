/** How headers and cell values are compared when reading a CSV file. */
/** A header as compared: lower case, accents and everything but letters and digits removed. */
export const normaliseHeader = (h: string): string =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
