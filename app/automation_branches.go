package app

import "shopclerk/backend/rules"

// FlowStats is what a flow did per step and per side of its splits: the
// counts the flow editor shows beside each step of its tree (issue 17).
func (s *AutomationService) FlowStats(id int64) (rules.FlowStats, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return rules.FlowStats{}, err
	}
	return b.Engine.FlowStats(ctx, id)
}
