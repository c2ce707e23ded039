#include "webhook_wiring.h"

#include "webhook_channel_store.h"
#include "webhook_dispatcher.h"

#include "notify/notification_center.h"

#include <QPointer>

namespace hoga {

void wireWebhooks(NotificationCenter& center, WebhookChannelStore& channels, WebhookDispatcher& dispatcher) {
    QObject::connect(&center, &NotificationCenter::posted, &dispatcher, &WebhookDispatcher::post);
    QPointer<WebhookChannelStore> store(&channels);
    QObject::connect(&channels, &WebhookChannelStore::channelsChanged, &dispatcher, [store, &dispatcher] {
        if (store)
            dispatcher.setChannels(store->channels());
    });
    dispatcher.setChannels(channels.channels());
}

} // namespace hoga
