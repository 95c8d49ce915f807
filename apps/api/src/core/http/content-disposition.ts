// The one way a download names its file: the `content-disposition` package writes the header, with an ASCII
// fallback for old clients and the RFC 5987 UTF-8 form for Chinese names (活动总结.docx).
import contentDisposition from 'content-disposition';

/** `attachment; filename="…"; filename*=UTF-8''…`; `asciiFallback` names the file for clients that need ASCII. */
export function attachment(fileName: string, asciiFallback?: string): string {
  return contentDisposition(fileName, {
    fallback: asciiFallback ?? fileName.replace(/[^\x20-\x7e]/g, '_'),
  });
}
