// A text from a study record, marked with its language; a translation carries the record's English
// as its title, so the source's own words are one hover (or long press) away.
import type { ReactNode } from 'react';
import type { RecordText } from '../evidence/study-text.js';

export function Rec({ t, as = 'span' }: { t: RecordText; as?: 'span' | 'dd' | 'p' }): ReactNode {
  const Tag = as;
  return (
    <Tag lang={t.lang} title={t.original} data-translated={t.original !== undefined ? 'true' : undefined}>
      {t.text}
    </Tag>
  );
}
