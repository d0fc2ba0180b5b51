/** Saves bytes the API returned as a file, through the browser's download. */
import { base64ToBytes } from './base64';

export function downloadBase64(fileName: string, contentType: string, base64: string): void {
  const blob = new Blob([base64ToBytes(base64)], { type: contentType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
