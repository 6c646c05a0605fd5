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

import { createTheme, ThemeProvider } from '@material-ui/core/styles';
import { renderHook } from '@testing-library/react';
import { PropsWithChildren } from 'react';
import { useChartStyle } from './chartStyle';

describe('useChartStyle', () => {
  it('takes its colours from the theme, so that charts follow a dark one', () => {
    const dark = createTheme({
      palette: {
        type: 'dark',
        primary: { main: '#9cc9ff' },
        error: { main: '#f28b82' },
        background: { paper: '#424242' },
      },
    });
    const wrapper = ({ children }: PropsWithChildren<{}>) => (
      <ThemeProvider theme={dark}>{children}</ThemeProvider>
    );
    const { result } = renderHook(() => useChartStyle(), { wrapper });
    expect(result.current.colours.slice(0, 2)).toEqual(['#9cc9ff', '#f28b82']);
    expect(new Set(result.current.colours).size).toBe(6);
    expect(result.current.axis.tick.fill).toBe(dark.palette.text.secondary);
    expect(result.current.tooltip.contentStyle).toEqual({
      background: '#424242',
      borderColor: dark.palette.divider,
      color: dark.palette.text.primary,
    });
  });
});
