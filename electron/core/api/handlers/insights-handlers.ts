import { computeInsights } from '../../insights/compute';
import type { Session } from '../../session';
import type { HandlersOf } from './types';

export function insightsHandlers(session: Session): HandlersOf<'insights.get'> {
  return {
    'insights.get': (query) => computeInsights(session.requireProject(), query),
  };
}
