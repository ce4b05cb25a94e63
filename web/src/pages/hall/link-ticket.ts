import { message } from 'antd';
import { errorText } from '../../shell/api.ts';
import { hallClient } from './client.ts';

/** Links a case just taken in to the ticket it was called with; the case stands even if this fails. */
export const linkToTicket = async (ticketId: string, caseId: string): Promise<void> => {
  try {
    await hallClient.linkCase(ticketId, caseId);
  } catch (e) {
    void message.warning(`办件已受理，但未能关联到号 ${ticketId.slice(9)}：${errorText(e)}`);
  }
};
