/**
 * @fileoverview The unsafe report of the image the machine runs: a built
 * image's comes with the build (`RunningImage.unsafeReport`); the prebuilt
 * image's is the file `npm run kernel` writes beside it (eduos.elf →
 * eduos.unsafe.json), loaded once like its debug JSON. Images booted from
 * elsewhere (`?image=data:…`, test kernels) have none.
 *
 * Pipeline place: `App.tsx` hands the result to the panel dock (the unsafe
 * panel) and to the editor (unsafe regions in the gutter).
 */
import { useEffect, useState } from 'react';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import type { RunningImage } from '../build/build-session.js';

/** Where the unsafe report of a prebuilt image at `imageUrl` is; null for images that have none (not http(s) or not .elf). */
export function unsafeReportUrl(imageUrl: string): string | null {
  const url = new URL(imageUrl);
  if (!/^https?:$/.test(url.protocol) || !url.pathname.endsWith('.elf')) return null;
  url.pathname = url.pathname.replace(/\.elf$/, '.unsafe.json');
  return url.href;
}

async function fetchUnsafeReport(url: string): Promise<UnsafeReport | null> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    return response.ok ? ((await response.json()) as UnsafeReport) : null;
  } catch {
    return null;
  }
}

/** `image`'s unsafe report: the build's, or for the prebuilt image the one loaded from beside `prebuiltImageUrl`. */
export function useUnsafeReport(image: RunningImage, prebuiltImageUrl: string): UnsafeReport | null {
  const [prebuilt, setPrebuilt] = useState<UnsafeReport | null>(null);
  useEffect(() => {
    const url = unsafeReportUrl(prebuiltImageUrl);
    if (!url) return;
    let mounted = true;
    void fetchUnsafeReport(url).then((report) => mounted && setPrebuilt(report));
    return () => {
      mounted = false;
    };
  }, [prebuiltImageUrl]);
  return image.origin === 'build' ? image.unsafeReport : prebuilt;
}
