package domain

import "time"

// TaskKind says where a task for the seller came from, as the Tasks screen
// filters them.
type TaskKind string

const (
	TaskReply    TaskKind = "reply"    // the inbox: a customer wrote, or a reply draft waits
	TaskReview   TaskKind = "review"   // a flow held an order for review
	TaskShipment TaskKind = "shipment" // a shipment flow: stuck or in trouble
	TaskFlow     TaskKind = "flow"     // any other flow's task
	TaskYours    TaskKind = "yours"    // the seller wrote it
)

// TaskKinds lists the kinds in the order the screen offers them.
var TaskKinds = []TaskKind{TaskReply, TaskReview, TaskShipment, TaskFlow, TaskYours}

// TaskState is which of the seller's lists a task is on.
type TaskState string

const (
	TaskOpen    TaskState = "open"    // to do now
	TaskSnoozed TaskState = "snoozed" // open, out of sight until SnoozedUntil
	TaskDone    TaskState = "done"
	TaskAll     TaskState = "all"
)

// Task is one to-do on the seller's list.
type Task struct {
	ID           int64      `json:"id"`
	Kind         TaskKind   `json:"kind"`
	State        TaskState  `json:"state"`
	Title        string     `json:"title"`
	Detail       string     `json:"detail"`
	CustomerID   *int64     `json:"customerId"`
	Email        string     `json:"email"`
	OrderID      *int64     `json:"orderId"`
	OrderName    string     `json:"orderName"`
	OrderHeld    bool       `json:"orderHeld"` // the order is held now: Release is offered
	CreatedAt    time.Time  `json:"createdAt"`
	DueAt        *time.Time `json:"dueAt"`
	DoneAt       *time.Time `json:"doneAt"`
	SnoozedUntil *time.Time `json:"snoozedUntil"`
}

// TaskFilter picks tasks for the list.
type TaskFilter struct {
	State TaskState `json:"state"` // "" is open
	Kind  TaskKind  `json:"kind"`  // "" is any
	Limit int       `json:"limit"` // 0 is 200, at most 1000
}

// TaskCounts is the list's counts, for the navigation and the dashboard.
type TaskCounts struct {
	Open    int `json:"open"`
	Snoozed int `json:"snoozed"`
	Done    int `json:"done"`
	Held    int `json:"held"` // orders held for review, not released
}

// HeldOrder is an order a flow held for the seller's review.
type HeldOrder struct {
	OrderID    int64      `json:"orderId"`
	OrderName  string     `json:"orderName"`
	Email      string     `json:"email"`
	CustomerID *int64     `json:"customerId"`
	Total      int64      `json:"total"`
	Currency   string     `json:"currency"`
	RiskLevel  string     `json:"riskLevel"`
	OrderedAt  time.Time  `json:"orderedAt"`
	HeldAt     time.Time  `json:"heldAt"`
	Reason     string     `json:"reason"`
	ReleasedAt *time.Time `json:"releasedAt"`
}
