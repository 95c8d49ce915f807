import contentDisposition from 'content-disposition';
import { attachment } from './content-disposition.js';

describe('attachment (Content-Disposition of downloads)', () => {
  it('names a Chinese file in UTF-8 and gives old clients an ASCII name', () => {
    const header = attachment('反诈(台账).xlsx', 'events.xlsx');
    expect(header).toMatch(/^attachment; filename="events\.xlsx"; filename\*=UTF-8''/);
    expect(contentDisposition.parse(header).parameters.filename).toBe('反诈(台账).xlsx');
  });

  it('without a fallback replaces what is not ASCII, and quotes and backslashes never break the header', () => {
    const header = attachment('2026年"反诈"\\总结.docx');
    expect(contentDisposition.parse(header).parameters.filename).toBe('2026年"反诈"\\总结.docx');
    expect(header).not.toMatch(/[^\x20-\x7e]/);
  });
});
