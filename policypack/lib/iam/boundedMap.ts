/**
 * A Map that forgets everything when it grows past a bound: the evaluator's caches (parsed policy
 * texts, decisions, patterns, regular expressions, CIDR blocks) keep what a stack asks again and
 * again, and a process that analyses stack after stack must not grow without end.
 */
export class BoundedMap<K, V> extends Map<K, V> {
    /** `bound`: once the map holds more entries than this, the next `set` clears it first. */
    constructor(readonly bound: number) {
        super();
    }

    override set(key: K, value: V): this {
        if (this.size > this.bound) {
            this.clear();
        }
        return super.set(key, value);
    }
}
