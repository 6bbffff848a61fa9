//! Account API, filter payloads shared by `conversations/filter` and `contacts/filter`.

open_enum! {
    /// How a filter condition compares.
    pub enum FilterOperator {
        /// Equals one of `values`.
        EqualTo = "equal_to",
        /// Equals none of `values`.
        NotEqualTo = "not_equal_to",
        /// Contains the value.
        Contains = "contains",
        /// Does not contain the value.
        DoesNotContain = "does_not_contain",
        /// Starts with the value (contact phone numbers).
        StartsWith = "starts_with",
        /// Has any value.
        IsPresent = "is_present",
        /// Has no value.
        IsNotPresent = "is_not_present",
        /// Later or greater than the value.
        IsGreaterThan = "is_greater_than",
        /// Earlier or less than the value.
        IsLessThan = "is_less_than",
        /// More than N days ago.
        DaysBefore = "days_before",
    }
}

open_enum! {
    /// How a condition joins the next one.
    pub enum QueryOperator {
        /// Both.
        And = "AND",
        /// Either.
        Or = "OR",
    }
}

params! {
    /// One condition of a filter.
    pub struct FilterCondition {
        /// Attribute (`status`, `assignee_id`, `labels`, `email`, ... or a custom attribute key).
        body attribute_key: String,
        /// Comparison.
        body filter_operator: FilterOperator,
        /// Values to compare with (a list, or one value).
        body values: serde_json::Value,
        /// How this condition joins the next one (leave unset on the last).
        body query_operator: Option<QueryOperator>,
        /// Type of a custom attribute (`date`, `number`, ...).
        body custom_attribute_type: Option<String>,
    }
}
