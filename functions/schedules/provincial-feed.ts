import { scheduleHandler } from '../../shared/schedule/handler.ts';
import { exportFeedDay } from '../../shared/ratings/feed.ts';
import { feedPorts } from '../../shared/ratings/wiring.ts';

const ports = feedPorts();

/** 01:30 Beijing: yesterday's ratings and decided cases as JSON lines and Excel in the feed bucket. */
export const handler = scheduleHandler('provincial-feed', (_event, { clock }) => exportFeedDay({ ...ports, clock }));
