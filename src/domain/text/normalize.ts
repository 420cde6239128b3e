/**
 * The key a subject name is looked up by: case, spacing, punctuation and "&" versus "and"
 * do not matter, so "digital imaging and pacs" finds "Digital Imaging & PACS".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
