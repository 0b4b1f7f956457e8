/** Measures an existing .zip exactly: its central directory lists every entry's uncompressed size. */
import { promises as fs } from 'node:fs';
import yauzl from 'yauzl';
import type { Budget } from './limits';
import { largestFiles, largestFolders } from './summary';
import type { CodeMeasurement } from './types';

/**
 * Sizes of a zip archive as it is; rejects with a readable message when it is not a valid archive,
 * and with MeasureLimit when its entries pass the budget. Callers check that `path` is a regular file.
 */
export async function measureZipArchive(path: string, budget: Budget): Promise<CodeMeasurement> {
  const stat = await fs.stat(path);
  let unzipped = 0;
  const names: string[] = [];
  const sizes: number[] = [];
  await new Promise<void>((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: false, strictFileNames: false }, (err, zip) => {
      if (err || !zip) {
        reject(new Error(`${path} is not a readable zip archive: ${err?.message ?? 'unknown error'}`));
        return;
      }
      zip.on('entry', (entry: yauzl.Entry) => {
        // Folder entries carry no content.
        if (!entry.fileName.endsWith('/')) {
          names.push(entry.fileName);
          sizes.push(entry.uncompressedSize);
          unzipped += entry.uncompressedSize;
        }
        try {
          if (names.length % 1024 === 0) budget.checkTime();
          if (names.length > budget.limits.maxFiles) budget.stop('files', unzipped);
          if (unzipped > budget.limits.maxBytes) budget.stop('bytes', unzipped);
        } catch (e) {
          zip.close();
          reject(e as Error);
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => reject(new Error(`${path} is not a readable zip archive: ${e.message}`)));
      zip.readEntry();
    });
  });
  budget.add(names.length, unzipped);
  return {
    kind: 'zip',
    path,
    files: names.length,
    unzippedBytes: unzipped,
    zippedBytes: stat.size,
    largestFolders: largestFolders(names, sizes),
    largestFiles: largestFiles(names, sizes),
    skipped: [],
    skippedCount: 0,
  };
}
