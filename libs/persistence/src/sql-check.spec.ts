import { sqlIn } from './sql-check';

describe('sqlIn', () => {
  it('builds an IN list with quotes escaped', () => {
    expect(sqlIn('status', ['open', "it's"])).toBe(`status in ('open', 'it''s')`);
  });
});
