#include "profile_types.h"

namespace hoga {

ProfileInfo ProfileInfo::from(const ProfileRecord& record) {
    ProfileInfo info;
    info.id = record.id;
    info.name = record.name;
    info.paperOnly = record.paperOnly;
    info.demo = record.demo;
    info.hasPassword = record.hasPassword();
    info.createdMs = record.createdMs;
    return info;
}

ProfileRecord* ProfileRegistry::find(const QString& id) {
    for (auto& p : profiles) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const ProfileRecord* ProfileRegistry::find(const QString& id) const {
    return const_cast<ProfileRegistry*>(this)->find(id);
}

const ProfileRecord* ProfileRegistry::findByName(const QString& name) const {
    for (const auto& p : profiles) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

} // namespace hoga
