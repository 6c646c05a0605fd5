/*
 * Copyright 2026 The Backstage ITSM Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import { incidents } from '../data';
import { row } from '../stats';
import { BackendScenario, BATCH, count, DAY } from './context';

/**
 * memory: the backend's RSS growth while incidents go in, from a collected
 * heap.
 */
export const memoryScenario: BackendScenario = {
  name: 'memory',
  async run({ engineName, sizes, now, api, backend, services, settle, log }) {
    const rows = [];
    // memory: RSS sampled while a million incidents go in, from a collected
    // heap, so that the garbage earlier phases left does not shift the
    // figure; the heap after a full GC at the end shows what ingest retains.
    await settle('memory');
    log(`[${engineName}] memory: ${count(sizes.memory)} incidents`);
    const heapBefore = await backend.liveHeap();
    const rssBefore = backend.rss();
    const halfPeaks = [rssBefore, rssBefore];
    let half = 0;
    const sampler = setInterval(() => {
      halfPeaks[half] = Math.max(halfPeaks[half], backend.rss());
    }, 100);
    try {
      const span = 730 * DAY;
      const batchesCount = Math.ceil(sizes.memory / BATCH);
      for (let b = 0; b < batchesCount; b++) {
        half = b < batchesCount / 2 ? 0 : 1;
        await api.post('/api/itsm/v1/incidents', {
          items: incidents({
            service: services.memory,
            count: Math.min(BATCH, sizes.memory - b * BATCH),
            from: now - span + (b * span) / batchesCount,
            to: now - span + ((b + 1) * span) / batchesCount,
            prefix: `memory-${b}`,
            seed: 100 + b,
            // Two years of history as a tool exports it now: only the
            // incidents of the last hours still open.
            exportedAt: now,
          }),
        });
      }
    } finally {
      clearInterval(sampler);
    }
    halfPeaks[1] = Math.max(halfPeaks[1], backend.rss());
    const heapAfter = await backend.liveHeap();
    const rssAfter = backend.rss();
    const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
    const growthMb = (Math.max(...halfPeaks) - rssBefore) / 1048576;
    rows.push(
      row({
        benchmark: 'memory',
        engine: engineName,
        size: `${count(sizes.memory)} incidents`,
        unit: 'MB',
        median: growthMb,
        p95: growthMb,
        target: { op: '<=', limit: 150, of: 'value' },
        note: `backend RSS ${mb(rssBefore)} before (live heap ${mb(
          heapBefore,
        )}); peak growth over the first half ${mb(
          halfPeaks[0] - rssBefore,
        )}, the second ${mb(
          halfPeaks[1] - rssBefore,
        )}; after a full GC: RSS growth ${mb(
          rssAfter - rssBefore,
        )}, live heap growth ${mb(heapAfter - heapBefore)}`,
      }),
    );
    return rows;
  },
};
