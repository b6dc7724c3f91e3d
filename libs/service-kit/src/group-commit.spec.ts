import { withCorrelationId } from '@hub/observability';
import { GroupCommit, type Queued } from './group-commit';

describe('GroupCommit', () => {
  it('writes the first item at once and the items added meanwhile together in the next batch, each with its own correlation id', async () => {
    const batches: Queued<string>[][] = [];
    let release!: () => void;
    const firstWritten = new Promise<void>((resolve) => (release = resolve));
    const commit = new GroupCommit<string, string>(async (batch) => {
      batches.push(batch);
      if (batches.length === 1) await firstWritten;
      return batch.map(({ item }) => Promise.resolve(`stored ${item}`));
    }, 2);

    const outcomes = ['a', 'b', 'c', 'd'].map((item) =>
      withCorrelationId(`corr-${item}`, () => commit.add(item)),
    );
    release();

    await expect(Promise.all(outcomes)).resolves.toEqual([
      'stored a',
      'stored b',
      'stored c',
      'stored d',
    ]);
    // At most two a batch, in the order added.
    expect(batches.map((batch) => batch.map(({ item }) => item))).toEqual([
      ['a'],
      ['b', 'c'],
      ['d'],
    ]);
    expect(batches.flat().map(({ correlationId }) => correlationId)).toEqual([
      'corr-a',
      'corr-b',
      'corr-c',
      'corr-d',
    ]);
  });

  it('fails every item of a batch whose write throws, and writes the next batch', async () => {
    let writes = 0;
    const commit = new GroupCommit<string, string>((batch) => {
      writes++;
      if (writes === 1) return Promise.reject(new Error('database gone'));
      return Promise.resolve(batch.map(({ item }) => Promise.resolve(item)));
    }, 64);

    const failed = commit.add('a');
    await expect(failed).rejects.toThrow('database gone');
    await expect(commit.add('b')).resolves.toBe('b');
  });
});
