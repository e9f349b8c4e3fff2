"""Results read from a compiler that ranks object ids itself (shared by the SQLite and PostgreSQL
backends): the compiler's ``ranked_pks(config)`` gives ``[(pk, score)…]`` of the matching objects
in the queryset, best first, and sets ``capped`` when more matched than were ranked."""


class RankedResultsMixin:
    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.uses_ranking():
            return super()._do_search()
        ranked = compiler.ranked_pks(compiler.get_config(self.backend))[self.start : self.stop]
        objects = compiler.queryset.in_bulk([pk for pk, _ in ranked])
        results = []
        for pk, score in ranked:
            obj = objects.get(pk)
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results

    def _do_count(self):
        """The ranked matches; ``count_capped`` when more matched (the count is then a lower bound:
        counting every match of a common word over 100,000 pages costs more than the search)."""
        compiler = self.query_compiler
        if not compiler.uses_ranking():
            return super()._do_count()
        count = len(compiler.ranked_pks(compiler.get_config(self.backend))) - self.start
        self.count_capped = compiler.capped
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)
