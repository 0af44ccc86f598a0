#include "projects/framework_template.hpp"

namespace cocreate::projects {

FrameworkVersion default_framework() {
    FrameworkVersion v;
    v.phases = {
        {"explore", "Explore",
         "Talk to customers before building anything. Keep it **cheap and remote**: short calls, "
         "listening, no promises. Ask early: is this really a problem they want solved?",
         "", {"call", "video_call"}, "aware",
         {{"problem_heard", "At least five customers described the problem in their own words", true},
          {"kill_criteria_written", "Kill criteria are written down", true}},
         30, {"interviews_held", "assumptions_tested"}, {}},
        {"validate_problem", "Validate problem",
         "Test the riskiest assumptions with the customers who care most. A customer willing to "
         "co-create is the exit ticket.",
         "", {"video_call", "meeting", kMultiStakeholder.data()}, "interested",
         {{"customer_committed", "A customer committed time or data to co-create", true},
          {"problem_quantified", "The cost of the problem is estimated", false}},
         45, {"interviews_held", "assumptions_tested", "customers_engaged"}, {}},
        {"co_design", "Co-design",
         "Design the solution **with** the customers in hands-on workshops; multi-customer sessions "
         "surface what is common. Check data-sharing with Legal before using customer data.",
         "", {"workshop", "visit", kMultiStakeholder.data()}, "engaged",
         {{"concept_validated", "Customers validated the concept in a workshop", true},
          {"pilot_site", "A pilot site and its success measures are agreed", true}},
         60, {"customers_engaged", "interest_score"}, {"legal"}},
        {"pilot", "Pilot",
         "Run the pilot on site with a clear start, end and measures. Deliver on time: this is "
         "where trust is won or lost.",
         "", {"visit", "meeting"}, "co_creating",
         {{"pilot_measured", "Pilot results are measured against the agreed success measures", true},
          {"business_case", "A business case exists for scaling", true}},
         90, {"interest_score", "pilot_on_time"}, {"legal", "procurement"}},
        {"scale", "Scale",
         "Roll out and tell the story. Now revenue counts, next to satisfaction and churn.",
         "", {"meeting", "event"}, "advocate", {}, 180, {"satisfaction", "churn", "revenue"}, {}},
    };
    v.kpis = {
        {"interviews_held", "Customer interviews held", "interviews", "up", "learning", "explore", 10.0},
        {"assumptions_tested", "Assumptions tested", "assumptions", "up", "learning", "explore", 5.0},
        {"customers_engaged", "Customers engaged", "customers", "up", "engagement", "validate_problem", 3.0},
        {"interest_score", "Customer interest score", "0-3", "up", "customer", "co_design", 2.0},
        {"pilot_on_time", "Pilot milestones on time", "%", "up", "delivery", "pilot", 90.0},
        {"satisfaction", "Customer satisfaction", "score 1-10", "up", "outcome", "scale", 8.0},
        {"churn", "Customer churn", "%", "down", "outcome", "scale", 5.0},
        {"revenue", "Revenue", "EUR", "up", "financial", "scale", std::nullopt},
    };
    return v;
}

}  // namespace cocreate::projects
