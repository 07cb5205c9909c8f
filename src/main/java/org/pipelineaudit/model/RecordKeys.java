package org.pipelineaudit.model;

import java.util.Map;

/** The key that identifies a record across snapshots (SPEC §2 "Snapshots"). */
public final class RecordKeys {

    private RecordKeys() {
    }

    public static String keyOf(Kind kind, Map<String, Object> values) {
        return switch (kind) {
            case OPPORTUNITY -> str(values.get("opportunity_id"));
            case FEEDBACK -> str(values.get("feedback_id"));
            case ROSTER -> str(values.get("owner"));
            case TARGET -> str(values.get("owner")) + "|" + str(values.get("period"));
            case ACTIVITY -> {
                Object id = values.get("activity_id");
                yield id != null ? str(id) : "#" + Long.toHexString(hash(values.get("opportunity_id"), values.get("customer"),
                        values.get("activity_date"), values.get("type"), values.get("owner")));
            }
        };
    }

    /** A 64-bit FNV-1a hash of the values' text, separated so that ("ab","c") differs from ("a","bc"). */
    public static long hash(Object... parts) {
        long h = 0xcbf29ce484222325L;
        for (Object part : parts) {
            String s = part == null ? "\u0000" : part.toString();
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= 0x1F;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
