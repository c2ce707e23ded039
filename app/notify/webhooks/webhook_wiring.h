#pragma once

namespace hoga {

class NotificationCenter;
class WebhookChannelStore;
class WebhookDispatcher;

// Every message the center posts goes to the dispatcher, and the dispatcher always knows the store's
// current channels (with their secrets). Call once, after constructing the three.
void wireWebhooks(NotificationCenter& center, WebhookChannelStore& channels, WebhookDispatcher& dispatcher);

} // namespace hoga
