import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';

import type { TargetRuntime } from '../upstream/targetRuntime.js';

/** Re-lists the target whenever it says a list changed; the catalog and clients follow. */
export function installListChangedHandlers(client: Client, target: TargetRuntime): void {
  const refresh = async () => target.refresh();
  client.setNotificationHandler(ToolListChangedNotificationSchema, refresh);
  client.setNotificationHandler(ResourceListChangedNotificationSchema, refresh);
  client.setNotificationHandler(PromptListChangedNotificationSchema, refresh);
}
