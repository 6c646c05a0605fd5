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

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The code blocks of the README's "Connecting your tools" section that start
 * with `# file: <name>`, by name: the test follows the README, not a copy.
 */
export function readmeFileBlocks(): Map<string, string> {
  const readme = readFileSync(
    resolve(__dirname, '../../../../README.md'),
    'utf8',
  );
  const start = readme.indexOf('## Connecting your tools');
  const end = readme.indexOf('\n## ', start + 1);
  if (start < 0) {
    throw new Error('README.md has no "Connecting your tools" section');
  }
  const section = readme.slice(start, end < 0 ? undefined : end);
  const blocks = new Map<string, string>();
  for (const [, body] of section.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const name = /^# file: (\S+)\n/.exec(body)?.[1];
    if (name) blocks.set(name, body);
  }
  for (const name of ['app-config.local.yaml', 'alertmanager.yml']) {
    if (!blocks.has(name)) {
      throw new Error(
        `README.md's "Connecting your tools" has no yaml block starting "# file: ${name}"`,
      );
    }
  }
  return blocks;
}
