// Shows an SVG document produced by @ldn/figures (forest and funnel plots). This is the only place
// the app injects markup: those functions build the SVG from numbers and XML-escape every string
// they are given (study labels, outcome names, column cells), as their tests check, so text from
// records or users cannot become markup here. Nothing else in the app uses dangerouslySetInnerHTML.
import type { ReactNode } from 'react';

export function SvgFigure({ svg, label, testId }: { svg: string; label: string; testId?: string }): ReactNode {
  return (
    <div
      className="plot-box forest"
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      // SVG string from @ldn/figures, which escapes all text (see the header of this file)
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
