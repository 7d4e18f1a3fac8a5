/** Which importer reads a document: light on purpose, so scripts can check their input before loading Payload. */
import type { ImportFormat } from '../import/convert'

export const IMPORT_FORMATS: readonly ImportFormat[] = ['markdown', 'html']

export const UNKNOWN_FORMAT_MESSAGE = (fileName: string) =>
  `Cannot tell the format of "${fileName}": use a .md, .markdown, .html or .htm file.`

export function formatFromFileName(fileName: string): ImportFormat | undefined {
  if (/\.(md|markdown)$/i.test(fileName)) return 'markdown'
  if (/\.html?$/i.test(fileName)) return 'html'
  return undefined
}
