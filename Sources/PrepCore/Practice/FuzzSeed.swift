/// The fuzz of a review decided by the card, not drawn afresh: the grade buttons preview the
/// interval the grade then schedules (issue #13, bug 3: Easy showed 8d and the grade said 7d,
/// because the preview had no fuzz and the grade drew its own). The draw depends on the person,
/// the card and its last review, which the preview and the grade share, so cards reviewed on
/// the same day still spread over neighbouring days as the reference's random fuzz spreads them.
public enum FuzzSeed {
    public static func generator(userID: String, itemID: String, card: SRSCard) -> SplitMix64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(userID)|\(itemID)|\(card.lastReview?.microseconds ?? -1)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return SplitMix64(seed: hash)
    }
}
