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

import { useTheme } from '@material-ui/core/styles';

/**
 * Colours and props that make recharts follow the app's theme: its defaults
 * (dark lines, grey text, white tooltip) are meant for a light page and
 * nearly vanish on a dark one.
 */
export function useChartStyle() {
  const { palette } = useTheme();
  const text = { fill: palette.text.secondary };
  return {
    /** Line colours, one per series, each readable on the page's background. */
    colours: [
      palette.primary.main,
      palette.error.main,
      palette.success.main,
      palette.warning.main,
      palette.secondary.main,
      palette.info.main,
    ],
    grid: { stroke: palette.divider, strokeDasharray: '3 3' },
    axis: { stroke: palette.text.secondary, tick: text },
    reference: palette.text.secondary,
    tooltip: {
      contentStyle: {
        background: palette.background.paper,
        borderColor: palette.divider,
        color: palette.text.primary,
      },
    },
  };
}
