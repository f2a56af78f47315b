using System.Globalization;
using ContactCenter.Domain.Appeals;
using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Domain.Intake;
using ContactCenter.Domain.Organisation;

namespace ContactCenter.Infrastructure.Persistence.Seed;

public static partial class HistoryGenerator
{
    /// <summary>The hromada as the generator sees it, and the life of one card through the regulation.</summary>
    private sealed class World
    {
        private const int RecentCapacity = 4_000;

        private readonly Dictionary<Guid, Executor> executors;
        private readonly List<Executor> executorList;
        private readonly List<Territory> cities;
        private readonly List<Territory> districts;
        private readonly List<ClassifierProblem> problems;
        private readonly double[][] cumulativeWeights = new double[12][];
        private readonly DeadlinePolicy policy;
        private readonly IntakeScreen screen;
        private readonly TimeSpan repeatWindow;
        private readonly Actor department;
        private readonly string mayorName;
        private readonly IReadOnlyDictionary<Guid, ExecutorStaff> givenStaff;
        private readonly Dictionary<Guid, ExecutorStaff> staff = [];
        private readonly Random staffRandom;
        private readonly List<Recent> recent = new(RecentCapacity);
        private int recentNext;

        public World(List<Executor> executors, List<Territory> territories, List<ClassifierProblem> problems, DeadlinePolicy policy, IntakeScreen screen, TimeSpan repeatWindow, HistoryActors? actors, Random staffRandom)
        {
            executorList = executors;
            this.executors = executors.ToDictionary(e => e.Id);
            cities = territories.Where(t => t.Kind == TerritoryKind.City).ToList();
            districts = territories.Where(t => t.Kind == TerritoryKind.StarostaDistrict).ToList();
            if (cities.Count == 0)
            {
                cities = territories.Take(1).ToList();
            }

            // Problems whose executors are gone are not generated.
            this.problems = problems.Where(p => this.executors.ContainsKey(p.DefaultExecutorId) && p.Routes.All(r => this.executors.ContainsKey(r.ExecutorId))).ToList();
            if (this.problems.Count == 0)
            {
                throw new InvalidOperationException("The history needs at least one active problem with an active executor.");
            }

            for (var month = 1; month <= 12; month++)
            {
                var sum = 0.0;
                cumulativeWeights[month - 1] = this.problems.Select(p => sum += Weight(p, month)).ToArray();
            }

            this.policy = policy;
            this.screen = screen;
            this.repeatWindow = repeatWindow;
            department = actors?.Operator ?? new Actor("demo-operator", "Оператор Контакт-Центру", Role.Operator);
            mayorName = actors?.MayorName ?? "Міський голова";
            givenStaff = actors?.Staff ?? new Dictionary<Guid, ExecutorStaff>();
            this.staffRandom = staffRandom;
        }

        private static double Weight(ClassifierProblem problem, int month)
        {
            var definition = PyriatynClassifier.Find(problem.Code);
            double weight = definition?.Weight ?? 1;
            var heating = month is >= 10 or <= 4;
            return problem.Code switch
            {
                "02.001" or "02.002" or "02.003" or "02.004" => heating ? weight * 2 : weight * 0.05,
                "06.002" => month is 12 or 1 or 2 ? weight * 3 : 0.01,
                "05.008" or "05.007" => month is >= 5 and <= 9 ? weight * 2 : weight * 0.1,
                "05.005" => month is 10 or 11 ? weight * 3 : weight,
                _ => weight,
            };
        }

        private ExecutorStaff StaffOf(Guid executorId)
        {
            if (givenStaff.TryGetValue(executorId, out var given))
            {
                return given;
            }

            if (!staff.TryGetValue(executorId, out var made))
            {
                var id = executorId.ToString("N", CultureInfo.InvariantCulture);
                made = new ExecutorStaff(
                    new Actor("staff-" + id, DemoPeople.FullName(staffRandom), Role.ExecutorResponsible, executorId),
                    [
                        new Performer("performer-" + id + "-1", DemoPeople.FullName(staffRandom), executorId),
                        new Performer("performer-" + id + "-2", DemoPeople.FullName(staffRandom), executorId),
                    ]);
                staff[executorId] = made;
            }

            return made;
        }

        public void Remember(Appeal appeal)
        {
            if (appeal.Phone is null && appeal.Email is null)
            {
                return;
            }

            var entry = new Recent(appeal.Id, appeal.Number!, appeal.ProblemId, appeal.ProblemAddress, appeal.TerritoryId, appeal.Applicant, appeal.Essence, appeal.RegisteredAt, appeal.ClosedAt, appeal.Status, appeal.Result);
            if (recent.Count < RecentCapacity)
            {
                recent.Add(entry);
            }
            else
            {
                recent[recentNext] = entry;
                recentNext = (recentNext + 1) % RecentCapacity;
            }
        }

        public Appeal Play(Random random, DateTimeOffset at, Channel channel, DateTimeOffset end, Showcase showcase)
        {
            var appeal = Register(random, at, channel);
            new CardLife(this, random, appeal, end, showcase).Run();
            return appeal;
        }

        private Appeal Register(Random random, DateTimeOffset at, Channel channel)
        {
            var actor = channel == Channel.Phone ? department : Actor.System;

            // About one card in twenty-five repeats an earlier one of the same person on the same problem and address.
            if (recent.Count > 50 && random.Next(100) < 4)
            {
                var earlier = recent[random.Next(recent.Count)];
                var age = at - earlier.RegisteredAt;
                if (age > TimeSpan.FromDays(2) && age < repeatWindow)
                {
                    var problem = problems.First(p => p.Id == earlier.ProblemId);
                    var closed = earlier.ClosedAt is { } closedAt && closedAt <= at;
                    var prior = new PriorAppeal(earlier.Id, earlier.Number, earlier.ProblemId, AddressNormalizer.Normalize(earlier.Address), earlier.Applicant.Phone, earlier.Applicant.Email, earlier.RegisteredAt, closed ? earlier.Status : AppealStatus.InWork, closed ? earlier.Result : null);
                    var match = RepeatDetector.Find(earlier.Applicant, problem.Id, earlier.Address, [prior], at, repeatWindow);
                    var applicant = channel == Channel.Web && earlier.Applicant.Email is null ? earlier.Applicant with { Email = DemoPeople.Email(random, earlier.Applicant.Surname, earlier.Applicant.FirstName) } : earlier.Applicant;
                    var essence = $"Звертаюся повторно (звернення № {earlier.Number}): питання досі не вирішено. {earlier.Essence}";
                    if (essence.Length > Appeal.MaxTextLength)
                    {
                        essence = essence[..Appeal.MaxTextLength];
                    }

                    var data = new NewAppeal(channel, applicant, essence, earlier.Address, AppealKind.Statement, earlier.TerritoryId);
                    var executor = executors[problem.RouteFor(earlier.TerritoryId)];
                    return Check(Appeal.Register(data, problem, executor, policy, screen, match, actor, at), "repeat registration");
                }
            }

            var chosen = PickProblem(random, policy.LocalDate(at).Month);
            var inVillage = districts.Count > 0 && random.Next(100) < 35;
            var territory = inVillage ? DemoPeople.Pick(random, districts) : DemoPeople.Pick(random, cities);
            var address = territory.Kind == TerritoryKind.City && territory.Settlements.Count > 0 && territory.Settlements[0] == "м. Пирятин"
                ? DemoPeople.CityAddress(random, withFlat: false)
                : DemoPeople.VillageAddress(random, territory.Settlements.Count > 0 ? DemoPeople.Pick(random, territory.Settlements) : territory.Name);
            var person = DemoPeople.Person(random);
            var privilege = DemoPeople.Privilege(random);
            var residence = random.Next(100) < 75 ? address : territory.Kind == TerritoryKind.City ? DemoPeople.CityAddress(random, withFlat: true) : DemoPeople.VillageAddress(random, territory.Settlements.Count > 0 ? DemoPeople.Pick(random, territory.Settlements) : territory.Name);
            var wantsEmail = channel == Channel.Web || random.Next(100) < 15;
            var newApplicant = new Applicant(
                person.Surname,
                person.FirstName,
                person.Patronymic,
                residence,
                channel == Channel.Phone || random.Next(100) < 70 ? DemoPeople.MobilePhone(random) : null,
                wantsEmail ? DemoPeople.Email(random, person.Surname, person.FirstName) : null,
                null,
                privilege,
                DemoPeople.Category(random, privilege),
                IsConfidential: random.Next(100) < 2);
            var definition = PyriatynClassifier.Find(chosen.Code);
            var text = definition?.Essence ?? $"{chosen.Name}. Прошу вжити заходів.";
            if (random.Next(100) < 45)
            {
                text += " " + DemoPeople.Pick(random, Texts.Details);
            }

            var kind = chosen.Code switch
            {
                "14.001" or "05.013" or "06.009" => AppealKind.Proposal,
                "14.002" => AppealKind.Complaint,
                _ => random.Next(100) < 3 ? AppealKind.Proposal : AppealKind.Statement,
            };
            var executorId = chosen.RouteFor(territory.Id);
            Guid? complainedAbout = null;
            if (kind == AppealKind.Complaint)
            {
                var candidates = executorList.Where(e => e.Id != executorId && e.Kind == ExecutorKind.CouncilDepartment).ToList();
                complainedAbout = candidates.Count > 0 ? DemoPeople.Pick(random, candidates).Id : null;
            }

            var newAppeal = new NewAppeal(channel, newApplicant, text, address, kind, territory.Id, ComplainedAboutExecutorId: complainedAbout);
            return Check(Appeal.Register(newAppeal, chosen, executors[executorId], policy, screen, null, actor, at), "registration");
        }

        private ClassifierProblem PickProblem(Random random, int month)
        {
            var weights = cumulativeWeights[month - 1];
            var x = random.NextDouble() * weights[^1];
            var index = Array.BinarySearch(weights, x);
            index = index < 0 ? ~index : index;
            return problems[Math.Min(index, problems.Count - 1)];
        }

        private Executor RedirectTarget(Random random, Appeal appeal)
        {
            var current = executors[appeal.ExecutorId];
            var sameDirection = executorList.Where(e => e.Id != current.Id && e.DirectionId == current.DirectionId && e.Id != appeal.ComplainedAboutExecutorId && e.Kind != ExecutorKind.Starosta).ToList();
            var pool = sameDirection.Count > 0 ? sameDirection : executorList.Where(e => e.Id != current.Id && e.Id != appeal.ComplainedAboutExecutorId).ToList();
            return pool.Count > 0 ? DemoPeople.Pick(random, pool) : current;
        }

        private sealed record Recent(Guid Id, string Number, Guid ProblemId, string Address, Guid? TerritoryId, Applicant Applicant, string Essence, DateTimeOffset RegisteredAt, DateTimeOffset? ClosedAt, AppealStatus Status, AppealResult? Result);

        /// <summary>One card from registration to wherever it is at the end of the history.</summary>
        private sealed class CardLife(World world, Random random, Appeal appeal, DateTimeOffset end, Showcase showcase)
        {
            private readonly Actor department = world.department;
            private readonly DeadlinePolicy policy = world.policy;
            private ExecutorStaff staff = world.StaffOf(appeal.ExecutorId);
            private DateTimeOffset t = appeal.RegisteredAt;

            /// <summary>A term of a few days, where hours of waiting matter.</summary>
            private bool Quick => appeal.InitialDueAt - appeal.RegisteredAt < TimeSpan.FromDays(4);

            private bool Urgent => appeal.DueAt - appeal.RegisteredAt < TimeSpan.FromDays(1) && appeal.InitialDueAt == appeal.DueAt;

            public void Run()
            {
                Live();
                MarkOverdueBefore(end);
            }

            private void Live()
            {
                var code = world.problems.First(p => p.Id == appeal.ProblemId).Code;
                var mayBeForeign = code.StartsWith("14.", StringComparison.Ordinal) || code.StartsWith("08.", StringComparison.Ordinal);
                if (showcase == Showcase.AwaitingReturn || (showcase == Showcase.AwaitingForwarding && mayBeForeign))
                {
                    if (Advance(0.5, 6, office: true))
                    {
                        Check(
                            showcase == Showcase.AwaitingReturn
                                ? appeal.MarkIncomplete(department, t, policy, "не зазначено місце проживання заявника")
                                : appeal.MarkOutsideCompetence(department, t, policy, "питання належить до повноважень іншого органу"),
                            "showcase");
                    }

                    return;
                }

                if (code == PyriatynClassifier.OutsideCompetenceCode || random.Next(1000) < 6)
                {
                    OutsideCompetence();
                    return;
                }

                if (appeal.Channel == Channel.Web && random.Next(100) < 1)
                {
                    if (!Advance(1, 20, office: true))
                    {
                        return;
                    }

                    Check(appeal.MarkIncomplete(department, t, policy, "не зазначено місце проживання заявника та суть питання неможливо встановити"), "incomplete");
                    if (Advance(24, 24 * 7, office: true))
                    {
                        Check(appeal.ReturnToApplicant(department, t, "Звернення повернуто заявнику з роз'ясненням вимог ст. 5 Закону України «Про звернення громадян»."), "return to applicant");
                    }

                    return;
                }

                if (appeal.MayBeLeftWithoutConsideration && random.Next(100) < 50)
                {
                    if (Advance(2, 24, office: true))
                    {
                        Check(appeal.LeaveWithoutConsideration(department, t, $"Питання вирішено по суті за зверненням № {appeal.RepeatOfNumber}; повторне звернення залишено без розгляду (ст. 8 Закону)."), "no consideration");
                    }

                    return;
                }

                if (random.Next(100) < (Urgent ? 1 : 4) && !Redirect())
                {
                    return;
                }

                if (!Take())
                {
                    return;
                }

                var fate = random.Next(1000);
                if (fate < 20 && !Urgent)
                {
                    SerPlan();
                    return;
                }

                DateTimeOffset resolveAt;
                var window = appeal.DueAt - appeal.RegisteredAt;
                if (fate < 90 && !Urgent)
                {
                    if (!Extend(out resolveAt))
                    {
                        return;
                    }
                }
                else if (fate < 160)
                {
                    resolveAt = appeal.DueAt + (Urgent ? TimeSpan.FromMinutes(random.Next(30, 12 * 60)) : TimeSpan.FromHours(random.Next(8, 10 * 24)));
                }
                else if (fate < 170)
                {
                    resolveAt = appeal.DueAt + TimeSpan.FromDays(random.Next(15, 60));
                }
                else
                {
                    resolveAt = appeal.RegisteredAt + (window * (Urgent ? 0.35 + (0.4 * random.NextDouble()) : 0.1 + (0.55 * random.NextDouble())));
                }

                Resolve(resolveAt);
            }

            private void OutsideCompetence()
            {
                if (!Advance(1, 20, office: true))
                {
                    return;
                }

                Check(appeal.MarkOutsideCompetence(department, t, policy, "питання належить до повноважень іншого органу"), "outside competence");
                if (Advance(4, 80, office: true))
                {
                    var body = DemoPeople.Pick(random, Texts.CompetentBodies);
                    Check(appeal.Forward(department, t, body, $"Ваше звернення надіслано за належністю до: {body}. Про результати розгляду вас поінформує цей орган."), "forward");
                }
            }

            private bool Redirect()
            {
                var target = world.RedirectTarget(random, appeal);
                if (target.Id == appeal.ExecutorId || !Advance(1, 20, office: !Urgent))
                {
                    return t <= end;
                }

                var request = Check(appeal.RequestRedirect(staff.Responsible, t, $"Питання не належить до компетенції {world.executors[appeal.ExecutorId].ShortName}: ділянку обслуговує {target.ShortName}.", target.Id), "redirect request");
                if (!Advance(0.5, 8, office: true))
                {
                    return false;
                }

                Check(appeal.ApproveRedirect(department, t, request, target, $"Переадресовано за належністю до {target.ShortName}"), "redirect");
                staff = world.StaffOf(target.Id);
                return true;
            }

            private bool Take()
            {
                var ok = Urgent ? AdvanceMinutes(5, 30) : Advance(0.2, Quick ? 4 : 20, office: true);
                if (!ok)
                {
                    return false;
                }

                if (random.Next(100) < 65 && staff.Performers.Count > 0)
                {
                    Check(appeal.AssignPerformer(staff.Responsible, t, DemoPeople.Pick(random, staff.Performers)), "performer");
                }
                else
                {
                    Check(appeal.TakeIntoWork(staff.Responsible, t), "take");
                }

                if (random.Next(100) < 60 && AdvanceMinutes(5, Urgent ? 20 : 600))
                {
                    Check(appeal.AddComment(staff.Responsible, t, DemoPeople.Pick(random, Urgent ? Texts.UrgentProgress : Texts.Progress), isPublic: random.Next(100) < 40), "comment");
                }

                return t <= end;
            }

            private void SerPlan()
            {
                if (!Advance(24, 24 * 6, office: true))
                {
                    return;
                }

                var proof = Check(appeal.AddAttachment(staff.Responsible, t, Attachment("Кошторис робіт.pdf", "application/pdf")), "estimate");
                var request = Check(appeal.RequestPlanInclusion(staff.Responsible, t, "Виконання потребує капітальних видатків, не передбачених кошторисом поточного року; кошторис додано.", [proof]), "ser request");
                if (!Advance(4, 72, office: true))
                {
                    return;
                }

                var year = policy.LocalDate(t).Year;
                Check(appeal.ApprovePlanInclusion(department, t, request, DemoPeople.Pick(random, Texts.SerPlans).Replace("{year}", (year + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), "Включено за поданням виконавця: роботи потребують фінансування з бюджету громади."), "ser");
                if (random.Next(100) < 40 && Advance(24 * 7, 24 * 40, office: true))
                {
                    Check(appeal.AddComment(staff.Responsible, t, "Об'єкт включено до переліку робіт; виконання — після затвердження фінансування.", isPublic: true), "ser comment");
                }
            }

            /// <summary>Additional control (§3.3): the request with proof, the Department's decision, sometimes a breach and a second one with the mayor's knowledge.</summary>
            private bool Extend(out DateTimeOffset resolveAt)
            {
                var window = appeal.DueAt - appeal.RegisteredAt;
                resolveAt = default;
                var requestAt = appeal.RegisteredAt + (window * (0.45 + (0.3 * random.NextDouble())));
                if (!MoveTo(requestAt, office: true))
                {
                    return false;
                }

                var proposed = Min(policy.EndOfTermInDays(appeal.DueAt, random.Next(5, 20)), appeal.MaxDueAt);
                if (proposed <= appeal.DueAt || proposed <= t.AddDays(4))
                {
                    resolveAt = appeal.DueAt - TimeSpan.FromHours(2);
                    return true;
                }

                var proof = Check(appeal.AddAttachment(staff.Responsible, t, Attachment(DemoPeople.Pick(random, Texts.ProofFiles), "image/jpeg")), "proof");
                var request = Check(appeal.RequestExtension(staff.Responsible, t, DemoPeople.Pick(random, Texts.ExtensionReasons), proposed, [proof]), "extension request");
                if (!Advance(2, 24, office: true))
                {
                    return false;
                }

                Check(appeal.ApproveExtension(department, t, request, proposed, "Обґрунтування підтверджено документально; встановлено додатковий контроль."), "extension");
                var extended = appeal.DueAt;
                if (random.Next(100) < 75)
                {
                    resolveAt = t + ((extended - t) * (0.2 + (0.75 * random.NextDouble())));
                    return true;
                }

                // The additional control is breached.
                var breachAt = extended + TimeSpan.FromHours(random.Next(20, 60));
                if (random.Next(100) < 50 && appeal.MaxDueAt > breachAt.AddDays(5))
                {
                    if (!MoveTo(breachAt, office: true))
                    {
                        return false;
                    }

                    var second = Check(appeal.AddAttachment(staff.Responsible, t, Attachment("Службова записка.pdf", "application/pdf")), "second proof");
                    var again = Check(appeal.RequestExtension(staff.Responsible, t, "Підрядник не завершив роботи через погодні умови; просимо продовжити строк до граничного.", appeal.MaxDueAt, [second]), "second request");
                    if (!Advance(2, 24, office: true))
                    {
                        return false;
                    }

                    Check(appeal.ApproveExtension(department, t, again, appeal.MaxDueAt, "Повторне перенесення строку погоджено.", new MayorAcknowledgement(world.mayorName, t, "Погоджено в порядку п. 3.3 Регламенту")), "second extension");
                    resolveAt = t + ((appeal.DueAt - t) * (0.3 + (0.6 * random.NextDouble())));
                    return true;
                }

                resolveAt = extended + TimeSpan.FromHours(random.Next(20, 8 * 24));
                return true;
            }

            private void Resolve(DateTimeOffset resolveAt)
            {
                for (var round = 0; round < 3; round++)
                {
                    if (random.Next(100) < 75 && resolveAt - t > TimeSpan.FromHours(2))
                    {
                        var middle = t + ((resolveAt - t) / 2);
                        if (!MoveTo(middle, office: !Urgent))
                        {
                            return;
                        }

                        Check(appeal.AddComment(staff.Responsible, t, DemoPeople.Pick(random, Texts.Progress)), "progress");
                    }

                    if (!MoveTo(resolveAt, office: !Urgent))
                    {
                        return;
                    }

                    var result = random.Next(100) switch
                    {
                        < 76 => AppealResult.ResolvedPositively,
                        < 92 => AppealResult.Explained,
                        _ => AppealResult.Refused,
                    };
                    List<Guid> proof = [];
                    if (result == AppealResult.ResolvedPositively && random.Next(100) < 55)
                    {
                        proof.Add(Check(appeal.AddAttachment(staff.Responsible, t, Attachment(DemoPeople.Pick(random, Texts.PhotoNames), "image/jpeg", isPublic: random.Next(100) < 30)), "photo"));
                    }

                    var report = DemoPeople.Pick(random, result switch
                    {
                        AppealResult.ResolvedPositively => Texts.ResolvedReports,
                        AppealResult.Explained => Texts.ExplainedReports,
                        _ => Texts.RefusedReports,
                    });
                    Check(appeal.ProposeClosure(staff.Responsible, t, report, result, proof), "proposal");

                    // The Department closes within hours; urgent cards are closed by the operator on duty.
                    var decided = Urgent && random.Next(100) < 92 ? AdvanceMinutes(10, 40) : Advance(0.3, Quick ? 3 : 8, office: true);
                    if (!decided)
                    {
                        return;
                    }

                    var check = random.Next(100);
                    if (check < 8)
                    {
                        var outcome = random.Next(100) switch
                        {
                            < 85 => QualityCheckResult.Confirmed,
                            < 93 => QualityCheckResult.PartlyDone,
                            _ => QualityCheckResult.NotConfirmed,
                        };
                        Check(appeal.RecordCheck(department, t, random.Next(3) == 0 ? QualityCheckKind.OnSite : QualityCheckKind.Sample, outcome, outcome == QualityCheckResult.Confirmed ? "Виконання підтверджено фотофіксацією." : "Під час виїзду встановлено, що роботи виконано не в повному обсязі."), "check");
                        if (appeal.Status == AppealStatus.ReturnedToWork)
                        {
                            resolveAt = t + TimeSpan.FromHours(random.Next(20, 96));
                            continue;
                        }

                        if (!AdvanceMinutes(5, 120))
                        {
                            return;
                        }
                    }
                    else if (check < 11)
                    {
                        Check(appeal.ReturnToWork(department, t, DemoPeople.Pick(random, Texts.ReturnReasons)), "return");
                        resolveAt = t + TimeSpan.FromHours(random.Next(20, 96));
                        continue;
                    }

                    Check(appeal.Close(department, t, result, report), "close");

                    if (random.Next(100) >= 35 || !Advance(2, 96, office: false))
                    {
                        return;
                    }

                    var applicant = Actor.Applicant(appeal.Applicant.FullName);
                    if (random.Next(100) < 93)
                    {
                        Check(appeal.AnswerByApplicant(applicant, t, true, random.Next(100) < 30 ? "Дякую, все зроблено." : null), "confirm");
                        return;
                    }

                    Check(appeal.AnswerByApplicant(applicant, t, false, DemoPeople.Pick(random, Texts.ApplicantRejections)), "reject");
                    resolveAt = t + TimeSpan.FromHours(random.Next(24, 120));
                }
            }

            private static AttachmentInfo Attachment(string fileName, string contentType, bool isPublic = false)
            {
                var extension = contentType == "application/pdf" ? ".pdf" : ".jpg";
                return new AttachmentInfo(fileName, contentType, 120_000 + (fileName.Length * 7_919), $"demo/{Guid.NewGuid():N}{extension}", isPublic);
            }

            private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

            private bool Advance(double minHours, double maxHours, bool office) =>
                MoveTo(t + TimeSpan.FromHours(minHours + ((maxHours - minHours) * random.NextDouble())), office);

            private bool AdvanceMinutes(int min, int max) => MoveTo(t + TimeSpan.FromMinutes(random.Next(min, max)), office: false);

            /// <summary>Moves the card's clock forward (into office hours for office work); false when that is after the end of the history.</summary>
            private bool MoveTo(DateTimeOffset at, bool office)
            {
                if (at <= t)
                {
                    at = t + TimeSpan.FromMinutes(random.Next(3, 30));
                }

                if (office)
                {
                    at = OfficeHours(at);
                }

                if (at > end)
                {
                    t = at;
                    return false;
                }

                MarkOverdueBefore(at);
                t = at;
                return true;
            }

            private DateTimeOffset OfficeHours(DateTimeOffset at)
            {
                var local = TimeZoneInfo.ConvertTime(at, policy.Zone);
                var day = DateOnly.FromDateTime(local.DateTime);
                var minutes = (local.Hour * 60) + local.Minute;
                if (policy.Calendar.IsWorkingDay(day) && minutes is >= 8 * 60 and < 17 * 60)
                {
                    return at;
                }

                if (minutes >= 17 * 60 || !policy.Calendar.IsWorkingDay(day))
                {
                    day = policy.Calendar.NextWorkingDayOnOrAfter(day.AddDays(1));
                }

                return Local(policy, day, (8 * 60) + random.Next(5, 120));
            }

            /// <summary>The deadline watcher marks a card overdue once, shortly after its due date passes.</summary>
            private void MarkOverdueBefore(DateTimeOffset at)
            {
                if (appeal.OverdueMarkedAt is null && appeal.IsOpen && !appeal.IsInSerPlan && appeal.DueAt < at)
                {
                    var mark = appeal.DueAt + TimeSpan.FromMinutes(random.Next(1, 15));
                    appeal.MarkOverdue(mark < at ? mark : at);
                }
            }
        }
    }
}
