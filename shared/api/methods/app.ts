import type { AppInfo, RecentProject } from '../../domain/app';
import { method, noInput } from '../schemas';

export const appMethods = {
  'app.info': method<AppInfo>()(noInput),
  'app.recent': method<RecentProject[]>()(noInput),
} as const;
