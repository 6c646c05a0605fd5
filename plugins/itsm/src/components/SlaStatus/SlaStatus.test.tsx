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

import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { AtRiskShareContext, SlaStatus } from './SlaStatus';

describe('SlaStatus', () => {
  it("explains 'At risk' with the report's own at-risk share", async () => {
    await renderInTestApp(
      <AtRiskShareContext.Provider value={0.1}>
        <SlaStatus status="at-risk" />
      </AtRiskShareContext.Provider>,
    );
    expect(
      screen.getByTitle(/less than 10 % of the error budget is left/),
    ).toHaveTextContent('At risk');
  });

  it('names no share where no report gives one', async () => {
    await renderInTestApp(<SlaStatus status="at-risk" />);
    expect(
      screen.getByTitle(/little of the error budget is left/),
    ).toBeInTheDocument();
  });
});
