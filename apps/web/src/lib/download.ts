// Downloads through the API with the bearer token (a plain link would not carry it).
import { apiFetch } from '../api/client.js';
import { fileNameFromDisposition } from './content-disposition.js';

export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await apiFetch(path);
  const name = fileNameFromDisposition(res.headers.get('Content-Disposition'), fallbackName);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
