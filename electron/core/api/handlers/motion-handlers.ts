import { removePanelClip, setPanelClipTiming } from '../../motion/clip-commands';
import { motionHub } from '../../motion/motion-hub';
import type { Session } from '../../session';
import type { HandlersOf } from './types';

type MotionMethod = 'motion.providers' | 'motion.start' | 'motion.jobs' | 'motion.cancel' | 'panels.setClipTiming' | 'panels.removeClip';

export function motionHandlers(session: Session): HandlersOf<MotionMethod> {
  // Made now, not on first call: every project opened from here on resumes its unfinished jobs as it opens.
  motionHub(session);
  if (session.project) motionHub(session).forProject(session.project);
  const hub = () => motionHub(session);
  const project = () => session.requireProject();
  return {
    'motion.providers': () => hub().list(),
    'motion.start': (input) => hub().forProject(project()).start(input),
    'motion.jobs': ({ panelId }) => hub().jobs(project(), panelId),
    'motion.cancel': ({ jobId }) => hub().forProject(project()).cancel(jobId),
    'panels.setClipTiming': ({ panelId, ...patch }) => setPanelClipTiming(project(), panelId, patch),
    'panels.removeClip': ({ panelId }) => removePanelClip(project(), panelId),
  };
}
